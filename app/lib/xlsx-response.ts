export function xlsxResponse(bytes: Buffer, fileName: string) {
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'Cache-Control': 'private, no-store',
    },
  })
}

/** Excel refuses a sheet name over 31 characters or with any of * ? : \ / [ ] (English labels such as "internships / practical" have them). */
export const worksheetName = (name: string) => name.replace(/[*?:\\/[\]]/g, '-').slice(0, 31)
