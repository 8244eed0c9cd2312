package org.ceerules.drools.facts;

/** Where the Center's functions go when no Center has jurisdiction. Internal. */
public enum Disposition {
    /** To the port of entry. */
    PORT,
    /** To a Drawback Center of the filer's choice. */
    DRAWBACK_CENTER
}
