// Inputs of the import and the export (shared by forms and server).
import { z } from 'zod';
import { checkbox } from './common';

export const importConfirmSchema = z.object({ publish: checkbox().transform((value) => value ?? false) });

export const EXPORT_TABLES = ['organizations', 'services', 'locations', 'contacts', 'hours'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];
