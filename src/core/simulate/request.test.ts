import { describe, expect, it } from 'vitest';
import { createRequest, parseHeaders, parseLabels, parseQuery, splitPath } from './request';

describe('parseHeaders', () => {
  it('reads one name: value a line, lower-cases names, keeps colons in values', () => {
    const r = parseHeaders('End-User: jason\n\n# comment\nX-Url: http://a:1/b\n');
    expect(r).toEqual({ headers: { 'end-user': 'jason', 'x-url': 'http://a:1/b' }, errors: [] });
  });
  it('joins repeated names with a comma and accepts empty values', () => {
    expect(parseHeaders('a: 1\nA: 2\nx-empty:').headers).toEqual({ a: '1,2', 'x-empty': '' });
  });
  it('accepts pseudo-headers and reports malformed lines with their number', () => {
    const r = parseHeaders(':authority: reviews\nno colon here\nbad name: x');
    expect(r.headers).toEqual({ ':authority': 'reviews' });
    expect(r.errors).toEqual([
      'line 2: expected "name: value", got "no colon here"',
      'line 3: expected "name: value", got "bad name: x"',
    ]);
  });
});

describe('parseQuery and splitPath', () => {
  it('decodes names and values; a bare name has an empty value; the first value wins', () => {
    expect(parseQuery('?a=1&b&c=x%20y&a=2&d=+z')).toEqual({ a: '1', b: '', c: 'x y', d: ' z' });
  });
  it('keeps malformed escapes as written', () => {
    expect(parseQuery('q=%E0%A4%A')).toEqual({ q: '%E0%A4%A' });
  });
  it('splits the path from the query and normalises an empty path', () => {
    expect(splitPath('/reviews/1?u=jason')).toEqual({ path: '/reviews/1', query: { u: 'jason' } });
    expect(splitPath('')).toEqual({ path: '/', query: {} });
    expect(splitPath('api')).toEqual({ path: '/api', query: {} });
  });
});

describe('createRequest', () => {
  it('fills defaults: GET http / over the mesh from default', () => {
    const r = createRequest({ host: ' reviews ' });
    expect(r).toMatchObject({ host: 'reviews', path: '/', method: 'GET', scheme: 'http', gateway: 'mesh' });
    expect(r).toMatchObject({ sourceNamespace: 'default', protocol: 'http', headers: {}, query: {} });
  });
  it('merges a query in the path under explicit query params and lower-cases header names', () => {
    const r = createRequest({ host: 'h', path: '/p?a=1&b=2', query: { b: '3' }, headers: { 'X-A': 'v' } });
    expect(r.path).toBe('/p');
    expect(r.query).toEqual({ a: '1', b: '3' });
    expect(r.headers).toEqual({ 'x-a': 'v' });
  });
});

describe('parseLabels', () => {
  it('reads k=v pairs separated by commas or lines, skipping junk', () => {
    expect(parseLabels('app=productpage, version = v1\nnoeq\n=x')).toEqual({
      app: 'productpage',
      version: 'v1',
    });
  });
});
