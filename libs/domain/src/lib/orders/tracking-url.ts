/** Where a template puts the shipment's tracking number. */
export const TRACKING_NUMBER_PLACEHOLDER = '{trackingNumber}';

/** The longest tracking URL template kept. */
export const MAX_TRACKING_TEMPLATE_LENGTH = 500;

/** The carriers' own tracking pages, as the settings start out (an admin may change them). */
export const DEFAULT_TRACKING_TEMPLATES: Readonly<Record<string, string>> = {
  UPS: 'https://www.ups.com/track?tracknum={trackingNumber}',
  FedEx: 'https://www.fedex.com/fedextrack/?trknbr={trackingNumber}',
  USPS: 'https://tools.usps.com/go/TrackConfirmAction?tLabels={trackingNumber}',
  DHL: 'https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id={trackingNumber}',
};

/**
 * Why a tracking URL template cannot be kept, or null: an http(s) address
 * without spaces that names the tracking number at least once.
 */
export function trackingTemplateProblem(template: string): string | null {
  if (template.length > MAX_TRACKING_TEMPLATE_LENGTH) {
    return `must be at most ${MAX_TRACKING_TEMPLATE_LENGTH} characters`;
  }
  if (!/^https?:\/\//i.test(template)) return 'must start with https:// or http://';
  if (/\s/.test(template)) return 'must not contain spaces';
  if (!template.includes(TRACKING_NUMBER_PLACEHOLDER)) {
    return `must contain ${TRACKING_NUMBER_PLACEHOLDER} where the tracking number goes`;
  }
  try {
    new URL(template.split(TRACKING_NUMBER_PLACEHOLDER).join('1Z999'));
  } catch {
    return 'is not a valid web address';
  }
  return null;
}

/**
 * The carrier's tracking page for a shipment: the template with the tracking
 * number URL-encoded in its place; null without a usable template (an
 * unknown carrier's number is shown as plain text).
 */
export function trackingUrl(template: string | null | undefined, trackingNumber: string): string | null {
  if (!template || trackingTemplateProblem(template) !== null) return null;
  return template.split(TRACKING_NUMBER_PLACEHOLDER).join(encodeURIComponent(trackingNumber));
}
