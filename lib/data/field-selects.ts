// The fields of a service and of a location that every view shows (public page, HSDS export,
// admin forms). Views add what only they need (versions, relations, timestamps).
import type { Prisma } from '@/lib/generated/prisma/client';

export const serviceFieldsSelect = {
  id: true,
  name: true,
  description: true,
  minAge: true,
  maxAge: true,
  eligibility: true,
  cost: true,
  howToApply: true,
  appointmentRequired: true,
  interpretationOffered: true,
  status: true,
  alertText: true,
} satisfies Prisma.ServiceSelect;

export const locationFieldsSelect = {
  id: true,
  name: true,
  street: true,
  postalCode: true,
  city: true,
  municipality: true,
  latitude: true,
  longitude: true,
  wheelchairAccessible: true,
  accessibilityNote: true,
  transportNote: true,
} satisfies Prisma.LocationSelect;
