import { DEFAULT_TRACKING_TEMPLATES, trackingTemplateProblem, trackingUrl } from './tracking-url';

describe('tracking links', () => {
  it('puts the tracking number, URL-encoded, in the carrier template', () => {
    expect(trackingUrl(DEFAULT_TRACKING_TEMPLATES['UPS'], '1Z999AA10123456784')).toBe(
      'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    );
    expect(trackingUrl('https://t.example/{trackingNumber}?again={trackingNumber}', 'A&B/#?1')).toBe(
      'https://t.example/A%26B%2F%23%3F1?again=A%26B%2F%23%3F1',
    );
  });

  it('gives no link without a usable template: the number stays plain text', () => {
    expect(trackingUrl(null, '123')).toBeNull();
    expect(trackingUrl(undefined, '123')).toBeNull();
    expect(trackingUrl('javascript:alert({trackingNumber})', '123')).toBeNull();
  });

  it('keeps only http(s) templates that name the tracking number', () => {
    for (const template of Object.values(DEFAULT_TRACKING_TEMPLATES)) {
      expect(trackingTemplateProblem(template)).toBeNull();
    }
    expect(trackingTemplateProblem('ftp://x/{trackingNumber}')).toBe('must start with https:// or http://');
    expect(trackingTemplateProblem('https://x.example/track')).toBe(
      'must contain {trackingNumber} where the tracking number goes',
    );
    expect(trackingTemplateProblem('https://x.example/ {trackingNumber}')).toBe('must not contain spaces');
    expect(trackingTemplateProblem('https://[bad/{trackingNumber}')).toBe('is not a valid web address');
    expect(trackingTemplateProblem(`https://x.example/${'a'.repeat(500)}{trackingNumber}`)).toBe(
      'must be at most 500 characters',
    );
  });
});
