export async function evaluate(_o: {manifest: string; json: boolean; writeCalibration?: string}, _out: (s: string) => void): Promise<void> { throw new Error("eval is not implemented yet"); }
