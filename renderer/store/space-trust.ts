// Space's certificate, for the Space settings step and Troubleshoot: checked on request (a TLS handshake, no secret
// sent), and pinned when the technician trusts it in the same dialog as XS4 Face's.
import type { StateCreator } from 'zustand';
import type { SpaceCertificateResult } from '../../contract/setup-shapes';
import { xs4 } from '../bridge/xs4';
import { activity } from './activity';
import type { SetupStore } from './setup';

export interface SpaceTrustState {
  /** The last answer: trusted, or waiting for the technician (the dialog is open while it is "needs-trust"). */
  spaceCertificate: SpaceCertificateResult | null;
}

export interface SpaceTrustActions {
  checkSpaceCertificate(): Promise<void>;
  trustSpaceCertificate(): Promise<void>;
  refuseSpaceCertificate(): void;
}

export const initialSpaceTrust: SpaceTrustState = { spaceCertificate: null };

export const createSpaceTrustSlice: StateCreator<SetupStore, [], [], SpaceTrustState & SpaceTrustActions> = (
  set,
  get,
) => {
  const { act } = activity(set, get);
  return {
    ...initialSpaceTrust,

    async checkSpaceCertificate() {
      const result = await act('spaceCertificate', () => xs4().setup.spaceCertificate());
      if (result !== undefined) set({ spaceCertificate: result });
    },

    async trustSpaceCertificate() {
      const shown = get().spaceCertificate;
      if (shown?.state !== 'needs-trust') return;
      const result = await act('trustSpace', () =>
        xs4().setup.trustSpaceCertificate({ fingerprint256: shown.certificate.fingerprint256 }),
      );
      if (result !== undefined) set({ spaceCertificate: result });
    },

    refuseSpaceCertificate() {
      set({ spaceCertificate: null, error: { code: 'SPACE_CERT_REFUSED', message: '', remedy: '' } });
    },
  };
};
