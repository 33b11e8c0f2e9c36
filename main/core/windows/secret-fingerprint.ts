// The Windows side records secrets only in the labelled fingerprint form.
export { labelledFingerprint as secretFingerprint } from '../secrets/fingerprint';
