import abHeader from './ab-header.yaml?raw';
import blueGreen from './blue-green.yaml?raw';
import bookinfoCanary from './bookinfo-canary.yaml?raw';
import circuitBreaker from './circuit-breaker.yaml?raw';
import faultInjection from './fault-injection.yaml?raw';
import gatewayIngress from './gateway-ingress.yaml?raw';
import mirroring from './mirroring.yaml?raw';
import mtls from './mtls.yaml?raw';
import stickySessions from './sticky-sessions.yaml?raw';

/** A built-in scenario: loads in one click (`example-<slug>`) or by URL (`?example=<slug>`). */
export interface Example {
  slug: string;
  title: string;
  description: string;
  text: string;
}

/** The scenario the editor opens with when nothing was saved. */
export const DEFAULT_EXAMPLE = 'bookinfo-canary';

export const examples: Example[] = [
  {
    slug: 'bookinfo-canary',
    title: 'Bookinfo canary 90/10',
    description: 'reviews v1 keeps 90% of the traffic while v2 takes 10%.',
    text: bookinfoCanary,
  },
  {
    slug: 'ab-header',
    title: 'A/B by header',
    description: 'The user jason (end-user header) sees reviews v2; everyone else v1.',
    text: abHeader,
  },
  {
    slug: 'blue-green',
    title: 'Blue/green switch',
    description: 'All traffic on blue; swap the weights to switch to green.',
    text: blueGreen,
  },
  {
    slug: 'mirroring',
    title: 'Traffic mirroring',
    description: 'httpbin v1 serves every request; a copy goes to v2 (dashed edge).',
    text: mirroring,
  },
  {
    slug: 'circuit-breaker',
    title: 'Circuit breaker',
    description: 'Connection pool limits and outlier detection on httpbin.',
    text: circuitBreaker,
  },
  {
    slug: 'sticky-sessions',
    title: 'Sticky sessions by cookie',
    description: 'Consistent hash on the "user" cookie keeps a client on one pod.',
    text: stickySessions,
  },
  {
    slug: 'mtls',
    title: 'mTLS for a namespace',
    description: 'STRICT PeerAuthentication and ISTIO_MUTUAL DestinationRules in default.',
    text: mtls,
  },
  {
    slug: 'fault-injection',
    title: 'Fault injection',
    description: "A 7s delay for jason and HTTP 500 for half of tester's requests to ratings.",
    text: faultInjection,
  },
  {
    slug: 'gateway-ingress',
    title: 'Ingress gateway',
    description: 'A Gateway for httpbin.example.com and the VirtualService bound to it.',
    text: gatewayIngress,
  },
];

/** The example with this slug, or undefined when there is none. */
export function exampleBySlug(slug: string): Example | undefined {
  return examples.find((e) => e.slug === slug);
}
