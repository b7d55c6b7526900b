// The fields of a service, a location, a weekly slot and an exception that every view shows (public
// page, HSDS export, admin forms). Views add what only they need (versions, relations, timestamps).
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ExceptionDto, ScheduleDto } from '@/lib/schedule/open-status';

// The fields of an organization an editor fills in (admin form, copy of an entry).
export const organizationFieldsSelect = {
  name: true,
  shortName: true,
  description: true,
  categoryId: true,
  parentId: true,
  website: true,
  email: true,
  phone: true,
  reviewIntervalMonths: true,
  sortOrder: true,
} satisfies Prisma.OrganizationSelect;

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

// A contact person's own data: what the public page, the vCard, the admin form and the GDPR export show.
export const contactFieldsSelect = {
  id: true,
  role: true,
  name: true,
  email: true,
  phone: true,
  mobile: true,
} satisfies Prisma.ContactPersonSelect;

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

// A weekly slot and an exception as every public view reads them, and their JSON form
// (lib/schedule/open-status.ts: ScheduleDto, ExceptionDto; calendar dates as YYYY-MM-DD).
export const scheduleFieldsSelect = {
  serviceId: true,
  locationId: true,
  weekday: true,
  opensAt: true,
  closesAt: true,
  appointmentOnly: true,
  validFrom: true,
  validTo: true,
  contactPersonId: true,
  languageCodes: true,
  bookingUrl: true,
} satisfies Prisma.ScheduleSelect;

export const exceptionFieldsSelect = {
  locationId: true,
  startsOn: true,
  endsOn: true,
  isClosed: true,
  opensAt: true,
  closesAt: true,
  note: true,
} satisfies Prisma.ScheduleExceptionSelect;

const isoDate = (value: Date) => value.toISOString().slice(0, 10);

export function toScheduleDto<Row extends Prisma.ScheduleGetPayload<{ select: typeof scheduleFieldsSelect }>>(
  row: Row,
): Omit<Row, 'validFrom' | 'validTo'> & ScheduleDto {
  return { ...row, validFrom: row.validFrom ? isoDate(row.validFrom) : null, validTo: row.validTo ? isoDate(row.validTo) : null };
}

export function toExceptionDto(row: Prisma.ScheduleExceptionGetPayload<{ select: typeof exceptionFieldsSelect }>): ExceptionDto {
  return { ...row, startsOn: isoDate(row.startsOn), endsOn: isoDate(row.endsOn) };
}
