// SecretStore backed by one JSON file of ciphertexts (base64). Encryption comes from an injected Cipher (Electron
// safeStorage, or DPAPI through PowerShell for the shared sign-in); without working encryption nothing is stored.
import { z } from 'zod';
import { text, type Text } from '../../../contract/text';
import { AppError, isAppError } from '../errors';
import { ioCode, isNotFound, nodeFileOps, writeFileAtomic, type FileOps } from '../fs/atomic-write';
import { secretNameSchema } from './secret-store';
import type { Cipher, SecretStore } from './secret-store';

const fileSchemaOf = <N extends string>(names: z.ZodType<N>) =>
  z.object({
    version: z.literal(1),
    secrets: z.partialRecord(names, z.base64()),
    /** Where a secret may be sent (not secret; absent in files written before it was recorded). */
    boundTo: z.partialRecord(names, z.string().max(2048)).optional(),
  });
interface SecretFile {
  version: 1;
  secrets: Partial<Record<string, string>>;
  boundTo?: Partial<Record<string, string>> | undefined;
}

export interface EncryptedFileSecretStoreOptions {
  path: string;
  cipher: Cipher;
  /** Called with every plaintext set or read, so the log redactor can hide it. */
  onSecretSeen?: (value: string) => void;
  fs?: FileOps;
}

/** Another set of names in another file (the sign-in cache): same encryption, atomic writes and refusals. */
export interface NamedSecretStoreOptions<N extends string> extends EncryptedFileSecretStoreOptions {
  names: z.ZodType<N>;
}

export function encryptionUnavailable(): AppError {
  return new AppError('SECRETS_ENCRYPTION_UNAVAILABLE');
}

/** The secrets people know by name; another name (a store of its own) is shown as it is. */
const SECRET_NAMES: Record<string, Text> = {
  shipApiKey: text('secrets.name.shipApiKey'),
  faceToken: text('secrets.name.faceToken'),
  faceAuthKey: text('secrets.name.faceAuthKey'),
  signIn: text('secrets.name.signIn'),
};

function secretName(name: string): Text | string {
  return Object.hasOwn(SECRET_NAMES, name) ? SECRET_NAMES[name]! : name;
}

export function createEncryptedFileSecretStore(options: EncryptedFileSecretStoreOptions): SecretStore;
export function createEncryptedFileSecretStore<N extends string>(
  options: NamedSecretStoreOptions<N>,
): SecretStore<N>;
export function createEncryptedFileSecretStore(
  options: EncryptedFileSecretStoreOptions & { names?: z.ZodType<string> },
): SecretStore<string> {
  const { path, cipher } = options;
  const fileSchema = fileSchemaOf(options.names ?? secretNameSchema);
  const fs = options.fs ?? nodeFileOps;
  const seen = options.onSecretSeen ?? (() => {});
  // Writes are serialised so two quick `set` calls cannot lose one another.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => {});
    return next;
  };

  async function load(): Promise<SecretFile> {
    let text: string;
    try {
      text = await fs.readFile(path, 'utf8');
    } catch (e) {
      if (isNotFound(e)) return { version: 1, secrets: {} };
      throw new AppError('SECRETS_UNREADABLE', {
        params: { file: path, code: ioCode(e) },
        detail: { path },
        cause: e,
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) {
      // Never overwrite: the user may still recover the file; entering the secrets again is their call.
      throw new AppError('SECRETS_CORRUPT', { params: { file: path }, detail: { path } });
    }
    return parsed.data;
  }

  const save = (file: SecretFile): Promise<void> =>
    writeFileAtomic(path, `${JSON.stringify(file, null, 2)}\n`, fs);

  // The last ciphertext decrypted per name, with its plaintext: a file another program has not changed is not decrypted
  // again (DPAPI starts a PowerShell process for each call). Only what was decrypted is kept, never what was encrypted,
  // so a read after a write really decrypts.
  const decrypted = new Map<string, { b64: string; value: Promise<string> }>();
  function decrypt(name: string, b64: string): Promise<string> {
    const known = decrypted.get(name);
    if (known?.b64 === b64) return known.value;
    const value = (async () => {
      try {
        return await cipher.decrypt(Buffer.from(b64, 'base64'));
      } catch (e) {
        // The cipher's own explanation (PowerShell did not start, timed out) keeps its code and remedy.
        if (isAppError(e)) throw e;
        throw new AppError('SECRET_UNDECRYPTABLE', {
          params: { secret: secretName(name) },
          detail: { name },
          cause: e,
        });
      }
    })();
    decrypted.set(name, { b64, value });
    value.catch(() => {
      if (decrypted.get(name)?.value === value) decrypted.delete(name);
    });
    return value;
  }

  return {
    has: async (name) => (await load()).secrets[name] !== undefined,
    async get(name: string) {
      const b64 = (await load()).secrets[name];
      if (b64 === undefined) return null;
      if (!cipher.isAvailable()) throw encryptionUnavailable();
      const value = await decrypt(name, b64);
      seen(value);
      return value;
    },
    set: (name, value, boundTo) =>
      serial(async () => {
        seen(value);
        if (!cipher.isAvailable()) throw encryptionUnavailable();
        const ciphertext = await cipher.encrypt(value);
        const file = await load();
        file.secrets[name] = ciphertext.toString('base64');
        const bindings = { ...(file.boundTo ?? {}) };
        if (boundTo === undefined) delete bindings[name];
        else bindings[name] = boundTo;
        file.boundTo = bindings;
        await save(file);
      }),
    boundTo: async (name) => {
      const file = await load();
      return file.secrets[name] === undefined ? null : (file.boundTo?.[name] ?? null);
    },
    delete: (name) =>
      serial(async () => {
        const file = await load();
        decrypted.delete(name);
        if (file.secrets[name] === undefined) return;
        delete file.secrets[name];
        if (file.boundTo) delete file.boundTo[name];
        await save(file);
      }),
  };
}
