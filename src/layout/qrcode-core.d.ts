// The encoder module of the qrcode package (its types cover only the entry point).
declare module 'qrcode/lib/core/qrcode.js' {
  export { create } from 'qrcode';
}
