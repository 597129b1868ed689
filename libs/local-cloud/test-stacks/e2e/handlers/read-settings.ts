/** Answers with the settings its environment variables carry, so a test sees what the function was deployed with. */
export const handler = async () => ({
  sandboxUrl: process.env.SANDBOX_URL ?? null,
  chargesUrl: process.env.CHARGES_URL ?? null,
  currency: process.env.CURRENCY ?? null,
});
