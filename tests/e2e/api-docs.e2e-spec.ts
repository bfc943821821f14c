/** The gateway serves the OpenAPI document and its interactive reference, assets included (no CDN). */
describe('API reference through the gateway', () => {
  const gateway = process.env['GATEWAY_URL']!;

  it('serves /openapi.json and /docs with its own assets', async () => {
    const document = (await (await fetch(`${gateway}/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(document.paths)).toContain('/work-orders/{id}/confirm');
    const page = await fetch(`${gateway}/docs`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    for (const asset of [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!)) {
      expect(asset.startsWith('/docs/')).toBe(true);
      expect({ asset, status: (await fetch(`${gateway}${asset}`)).status }).toEqual({ asset, status: 200 });
    }
  });
});
