interface PriceOrderInput {
  readonly lines: ReadonlyArray<{ readonly quantity: number; readonly unitPrice: number }>;
}

/** The bench workflow's Lambda task: a little real work (the order total), returned as the task result. */
export const handler = async (input: PriceOrderInput): Promise<{ total: number }> => ({
  total: input.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0),
});
