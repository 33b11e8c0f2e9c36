// The Microsoft sign-in's IPC channels (regions, who is signed in, browser and device-code sign-in, sign-out), spread
// into the contract by ipc.ts. The two sign-ins are long operations: `setup.cancel` with their operation id stops them.
import { z } from 'zod';
import { channel, noInput as none } from './channel';
import { languageSchema } from './app';
import { operationIdSchema, serviceUrl } from './setup-channels';

const def = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => channel({ input, output });

/** One XS4 Face region as the Console's region choice shows it. */
export const RegionViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** False for a region whose sign-in values are not known in this build (AUTH_REGION_NOT_CONFIGURED). */
  usable: z.boolean(),
});
export type RegionView = z.infer<typeof RegionViewSchema>;

/** Who is signed in, for which region and XS4 Face server (origin); never a token. */
export const SignInViewSchema = z.object({
  regionId: z.string(),
  regionName: z.string(),
  origin: z.string(),
  username: z.string(),
  signedInAt: z.string(),
});
export type SignInView = z.infer<typeof SignInViewSchema>;

const regionId = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{0,31}$/,
    'must be 1-32 lower-case letters, digits or hyphens, starting with a letter',
  );

/** A line of the page the browser shows after the sign-in: plain text (the core escapes it). */
const pageLine = z
  .string()
  .min(1, 'must not be empty')
  .max(400, 'must be at most 400 characters')
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must be one line without control characters');

/** The words of the pages the system browser shows after the redirect, in the technician's language. */
export const BrowserPageWordsSchema = z
  .object({
    language: languageSchema,
    successTitle: pageLine,
    successText: pageLine,
    errorTitle: pageLine,
    errorText: pageLine,
  })
  .strict();
export type BrowserPageWords = z.infer<typeof BrowserPageWordsSchema>;

export const signInContract = {
  'signIn.regions': def(none, z.array(RegionViewSchema)),
  'signIn.current': def(none, SignInViewSchema.nullable()),
  /** Opens the system browser at the region's sign-in page and waits for its redirect to 127.0.0.1. */
  'signIn.interactive': def(
    z
      .object({
        operationId: operationIdSchema,
        regionId,
        faceUrl: serviceUrl,
        pages: BrowserPageWordsSchema,
      })
      .strict(),
    SignInViewSchema,
  ),
  /** Signs in with a code entered on another device; the code arrives as a `deviceCode` event. */
  'signIn.deviceCode': def(
    z.object({ operationId: operationIdSchema, regionId, faceUrl: serviceUrl }).strict(),
    SignInViewSchema,
  ),
  /** Forgets the sign-in on this computer; true when someone was signed in. */
  'signIn.signOut': def(none, z.boolean()),
} as const;

export type SignInContract = typeof signInContract;
export type SignInChannel = keyof SignInContract;
export type SignInInput<K extends SignInChannel> = z.infer<SignInContract[K]['input']>;
export type SignInOutput<K extends SignInChannel> = z.infer<SignInContract[K]['output']>;
