/** The channels every deployment has; integrations add their own names. */
const BUILT_IN_CHANNELS: Record<string, string> = {
  portal: 'Portal',
  phone: 'Phone',
  api: 'API',
  csv: 'CSV upload',
  standing: 'Standing order',
};

/** What people call a channel: "api" → "API", an integration named "acme-edi" → "Acme Edi". */
export function channelDisplayName(channel: string): string {
  const builtIn = BUILT_IN_CHANNELS[channel];
  if (builtIn) return builtIn;
  return channel
    .split(/[-_]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
