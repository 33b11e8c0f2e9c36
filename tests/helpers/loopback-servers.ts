// Loopback HTTPS servers for the engine tests: a "face" and a "space" that echo what they were sent (including keys).
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { makeCa, makeCert, type Pem } from '../../scripts/sim/certs';

export interface Loopback {
  ca: Pem;
  faceUrl: string;
  spaceUrl: string;
  /** Key SHIP accepts; anything else gets 401 with the key echoed back (a confused server leaking it). */
  setShipKey(key: string): void;
  setFaceToken(token: string): void;
  close(): Promise<void>;
}

export async function startLoopback(): Promise<Loopback> {
  const ca = makeCa();
  const leaf = makeCert({ issuer: ca });
  let shipKey = '';
  let faceToken = '';
  const listen = (
    handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void,
  ) =>
    new Promise<https.Server>((resolve) => {
      const s = https.createServer({ cert: leaf.cert, key: leaf.key }, handler);
      s.listen(0, '127.0.0.1', () => resolve(s));
    });
  const face = await listen((req, res) => {
    const auth = String(req.headers.authorization ?? '');
    res.statusCode = auth === `Bearer ${faceToken}` ? 200 : 401;
    res.end(`face saw ${auth}`);
  });
  const space = await listen((req, res) => {
    if (req.url === '/ship') {
      const got = String(req.headers['salto-ship-key'] ?? '');
      res.statusCode = got === shipKey ? 200 : 401;
      res.end(`ship saw key ${got}\u001b[31m`);
      return;
    }
    res.end('space');
  });
  const url = (s: https.Server) => `https://127.0.0.1:${(s.address() as AddressInfo).port}/`;
  return {
    ca,
    faceUrl: url(face),
    spaceUrl: url(space),
    setShipKey: (k) => void (shipKey = k),
    setFaceToken: (t) => void (faceToken = t),
    close: () =>
      Promise.all(
        [face, space].map((s) => new Promise<void>((r) => (s.closeAllConnections(), s.close(() => r())))),
      ).then(() => undefined),
  };
}
