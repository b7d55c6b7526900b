import { NextResponse } from 'next/server';

// HSDS API root: which version of the specification this export follows.
export function GET() {
  return NextResponse.json({
    version: '3.0',
    profile: 'https://openreferral.org/',
    openapi_url: 'https://github.com/openreferral/specification',
    endpoints: ['/api/hsds/organizations', '/api/hsds/organizations/{id}'],
  });
}
