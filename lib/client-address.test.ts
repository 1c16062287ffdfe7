import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress } from './client-address';

const h = (headers: Record<string, string>) => new Headers(headers);

describe('clientAddress', () => {
  it('trusts no header unless told how many proxies stand in front', () => {
    expect(clientAddress(h({ 'x-forwarded-for': '203.0.113.7' }), 0)).toBeUndefined();
    expect(clientAddress(h({ 'x-real-ip': '203.0.113.7' }), 0)).toBeUndefined();
  });

  it('takes the address the nearest trusted proxy appended, not what the client wrote before it', () => {
    // The client sent "X-Forwarded-For: 1.1.1.1"; the load balancer appended the address it saw.
    expect(clientAddress(h({ 'x-forwarded-for': '1.1.1.1, 203.0.113.7' }), 1)).toBe('203.0.113.7');
    // Behind a CDN and a load balancer: the CDN saw the client, the balancer saw the CDN.
    expect(clientAddress(h({ 'x-forwarded-for': '1.1.1.1, 203.0.113.7, 198.51.100.2' }), 2)).toBe('203.0.113.7');
    expect(clientAddress(h({ 'x-forwarded-for': '203.0.113.7' }), 2)).toBe('203.0.113.7');
  });

  it('falls back to X-Real-IP, and to nothing', () => {
    expect(clientAddress(h({ 'x-real-ip': '203.0.113.9' }), 1)).toBe('203.0.113.9');
    expect(clientAddress(h({}), 1)).toBeUndefined();
    expect(clientAddress(h({ 'x-forwarded-for': 'not an address' }), 1)).toBeUndefined();
  });
});

describe('addressKey', () => {
  it('keeps IPv4, drops ports, and unwraps IPv4 seen through IPv6', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('203.0.113.7:5123')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:cb00:7107')).toBe('203.0.113.7');
  });

  it('counts IPv6 by its /64, however it is written', () => {
    const key = '2001:db8:85a3:8d3::/64';
    expect(addressKey('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe(key);
    expect(addressKey('2001:0db8:85a3:08d3::1')).toBe(key);
    expect(addressKey('[2001:db8:85a3:8d3::2]:443')).toBe(key);
    expect(addressKey('2001:db8:85a3:8d4::1')).not.toBe(key);
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('refuses what is not an address', () => {
    expect(addressKey('')).toBeUndefined();
    expect(addressKey('localhost')).toBeUndefined();
    expect(addressKey('999.1.1.1')).toBeUndefined();
  });
});
