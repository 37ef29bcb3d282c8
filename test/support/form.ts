/** A FormData as a browser would post it from these fields (undefined ones left out). */
export function formData(fields: Record<string, string | Blob | undefined>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.append(key, value);
  return form;
}
