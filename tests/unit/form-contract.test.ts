// The form contract's reading step: only the fields of the form's definition, an absent checkbox
// of the form as unchecked (false after the schema), a checkbox group without a ticked box as an
// empty list, fields the form does not contain left out.
import { describe, expect, it } from 'vitest';
import { organizationFields, serviceFields } from '@/components/admin/field-specs';
import { readForm } from '@/lib/schemas/form-contract';
import { organizationInputSchema, serviceInputSchema } from '@/lib/schemas/organization';

function formData(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

const service = serviceFields({ topics: [], locations: [], languages: [] });

describe('readForm', () => {
  it('reads an absent checkbox of the form as unchecked, which the schema turns into false', () => {
    const values = readForm(formData([['name', 'Beratung']]), service);
    expect(values).toMatchObject({ name: 'Beratung', appointmentRequired: '', interpretationOffered: '' });
    const parsed = serviceInputSchema.parse(values);
    expect(parsed.appointmentRequired).toBe(false);
    expect(parsed.interpretationOffered).toBe(false);
    expect(serviceInputSchema.parse(readForm(formData([['name', 'B'], ['appointmentRequired', 'on']]), service)).appointmentRequired).toBe(true);
  });

  it('keeps only the declared fields (and the named hidden ones), ignoring unknown names', () => {
    const values = readForm(
      formData([['name', 'Beratung'], ['isTrusted', 'on'], ['status', 'ACTIVE'], ['version', '3'], ['$ACTION_ID_x', '']]),
      service,
      ['version'],
    );
    expect(values).not.toHaveProperty('isTrusted');
    expect(values).not.toHaveProperty('$ACTION_ID_x');
    expect(values).toMatchObject({ status: 'ACTIVE', version: '3' });
  });

  it('reads checkbox groups as lists (empty when nothing is ticked) and leaves out fields the form does not contain', () => {
    const partner = organizationFields({ categories: [], topics: [], organizations: [], isCoordinator: false });
    const values = readForm(formData([['name', 'Träger'], ['isCoordinationOffice', 'on'], ['parentId', '']]), partner);
    expect(values.topicIds).toEqual([]);
    // Not in the partner's form: neither reset nor taken from the post.
    expect(values).not.toHaveProperty('isCoordinationOffice');
    expect(values).not.toHaveProperty('parentId');
    expect(Object.keys(organizationInputSchema.parse(values))).not.toContain('isCoordinationOffice');
    // A text field the browser did not send stays absent (a partial post resets nothing).
    expect(values).not.toHaveProperty('description');
    expect(readForm(formData([['topicIds', 'a'], ['topicIds', 'b']]), partner).topicIds).toEqual(['a', 'b']);
  });
});
