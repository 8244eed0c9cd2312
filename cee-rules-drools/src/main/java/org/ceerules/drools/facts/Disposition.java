package org.ceerules.drools.facts;

/** Where the Center's functions go when no Center has jurisdiction. Internal. */
public enum Disposition {
    /** To the port of entry. */
    PORT,
    /** Where the entry's drawback claims go (a drawback entry): its {@link DrawbackOffice}. */
    DRAWBACK
}
