// In-memory SecretStore for tests and the end-to-end harness (nothing touches disk).
import type { SecretName, SecretStore } from './secret-store';

export function createMemorySecretStore<N extends string = SecretName>(
  onSecretSeen: (value: string) => void = () => {},
): SecretStore<N> {
  const values = new Map<N, string>();
  const bindings = new Map<N, string>();
  return {
    has: async (name) => values.has(name),
    get: async (name) => {
      const v = values.get(name) ?? null;
      if (v !== null) onSecretSeen(v);
      return v;
    },
    set: async (name, value, boundTo) => {
      onSecretSeen(value);
      values.set(name, value);
      if (boundTo === undefined) bindings.delete(name);
      else bindings.set(name, boundTo);
    },
    boundTo: async (name) => (values.has(name) ? (bindings.get(name) ?? null) : null),
    delete: async (name) => {
      values.delete(name);
      bindings.delete(name);
    },
  };
}
