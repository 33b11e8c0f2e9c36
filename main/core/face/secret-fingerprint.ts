// XS4 Face reports secrets as bare 8-hex fingerprints; the shared helper makes them.
export { secretHex8 as secretFingerprint } from '../secrets/fingerprint';
