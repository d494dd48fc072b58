package io.redial.leads;

/** How soon the caller needs someone. */
public enum Urgency { EMERGENCY, URGENT, ROUTINE }
