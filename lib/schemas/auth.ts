import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { ADMIN_LOCALES } from '@/lib/i18n/admin-locales';
import { idList, msg, optionalText, requiredEmail, requiredText } from './common';

const passwordSchema = z
  .string({ error: 'Bitte geben Sie ein Passwort ein.' })
  .min(MIN_PASSWORD_LENGTH, `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`)
  .max(200, 'Höchstens 200 Zeichen.');

const confirmationMatches = (v: { password: string; passwordConfirm: string }) => v.password === v.passwordConfirm;
const confirmationMessage = { path: ['passwordConfirm'], message: 'Die Passwörter stimmen nicht überein.' };
// A posted form always has the field; without it (a hand-made request) the same German message.
const passwordConfirm = z.string({ error: msg.required }).max(200, msg.tooLong(200));
const token = z.string({ error: 'Der Link ist unvollständig.' }).min(20, 'Der Link ist unvollständig.').max(200);

export const forgotPasswordSchema = z.object({ email: requiredEmail() });
export const resetPasswordSchema = z
  .object({ token, password: passwordSchema, passwordConfirm })
  .refine(confirmationMatches, confirmationMessage);
export const acceptInvitationSchema = z
  .object({ token, name: requiredText(200), password: passwordSchema, passwordConfirm })
  .refine(confirmationMatches, confirmationMessage);

export const invitationInputSchema = z.object({
  email: requiredEmail(),
  name: optionalText(200),
  role: z.enum(['ADMIN', 'PARTNER'], { error: 'Bitte wählen Sie eine Rolle.' }),
  organizationIds: idList(),
  // Language of the mail and of the new account; absent: German.
  locale: z.preprocess((v) => (v === '' || v === undefined ? 'de' : v), z.enum(ADMIN_LOCALES, { error: 'Bitte wählen Sie Deutsch oder Englisch.' })),
});

export const userUpdateSchema = z.object({
  role: z.enum(['ADMIN', 'PARTNER'], { error: 'Bitte wählen Sie eine Rolle.' }),
  organizationIds: idList(),
  isActive: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
});

// "Mein Konto": a new password, with the current one.
export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'Bitte geben Sie Ihr aktuelles Passwort ein.' }).min(1, 'Bitte geben Sie Ihr aktuelles Passwort ein.').max(200, 'Höchstens 200 Zeichen.'),
    password: passwordSchema,
    passwordConfirm,
  })
  .refine(confirmationMatches, confirmationMessage)
  .refine((v) => v.password !== v.currentPassword, { path: ['password'], message: 'Das neue Passwort muss sich vom bisherigen unterscheiden.' });

// A code from the authenticator app (6 digits) or a recovery code.
export const secondFactorCodeSchema = z.object({
  code: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z.string({ error: 'Bitte geben Sie den Code ein.' }).min(1, 'Bitte geben Sie den Code ein.').max(40, 'Der Code ist zu lang.'),
  ),
});
