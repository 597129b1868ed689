import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Workspace libraries export their TypeScript source.
  transpilePackages: ['@shop/feature-flags'],
  poweredByHeader: false,
  // forbidden() for the admin pages.
  experimental: { authInterrupts: true },
};

export default nextConfig;
