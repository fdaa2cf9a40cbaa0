// The emergency number where the rules give none for a person's region and have no default of their own: 112 works
// across Europe and is routed to the local service on many mobile networks elsewhere. Its own tiny module, so the
// first screen can name a number without loading the engine.
export const FALLBACK_EMERGENCY_NUMBER = '112';
