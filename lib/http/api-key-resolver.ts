// Looks up an API key by its secret. Filled in by the keys module (lib/keys); until a key store
// exists every non-master bearer token is unknown.
import type { Principal } from "../auth/principal";

type KeyInfo = Extract<Principal, { type: "key" }>["key"];

export async function resolveApiKey(token: string): Promise<KeyInfo | null> {
  void token;
  return null;
}
