/**
 * A ModelSession over an ONNX Runtime (onnxruntime-web) session, shared by the Node and the
 * browser model hosts: runs are queued one after another on the session, inputs and outputs
 * are float32 tensors, and outputs are read back to the CPU (WebGPU keeps them on the GPU).
 */
import type * as Ort from 'onnxruntime-web';
import type { ModelSession, TensorLike } from './host';

export type OrtModule = typeof Ort;

export class OrtModelSession implements ModelSession {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ort: OrtModule,
    private readonly session: Ort.InferenceSession,
    readonly backend: string,
  ) {}

  run(feeds: Record<string, TensorLike>): Promise<Record<string, TensorLike>> {
    const next = this.queue.then(() => this.runNow(feeds));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(feeds: Record<string, TensorLike>): Promise<Record<string, TensorLike>> {
    const inputs: Record<string, Ort.Tensor> = {};
    for (const [name, t] of Object.entries(feeds)) inputs[name] = new this.ort.Tensor('float32', t.data, t.dims);
    const outputs = await this.session.run(inputs);
    const result: Record<string, TensorLike> = {};
    for (const [name, t] of Object.entries(outputs)) {
      if (t.type !== 'float32') throw new Error(`Model output ${name} is ${t.type}, expected float32`);
      result[name] = { data: (await t.getData()) as Float32Array, dims: [...t.dims] };
      t.dispose();
    }
    return result;
  }

  release(): Promise<void> {
    return this.session.release();
  }
}
