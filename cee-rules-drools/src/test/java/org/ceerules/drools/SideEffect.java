package org.ceerules.drools;

/**
 * What a hostile rule set's DRL would call: a method with a side effect, which sets a system
 * property. Public, so that rules compiled from DRL could reach it, as they could reach any public
 * class of the class path without the guard.
 */
public final class SideEffect {

    private SideEffect() {
    }

    /**
     * Sets the system property {@code key}.
     *
     * @param key the property
     * @return true, so that a condition calling it holds
     */
    public static boolean mark(String key) {
        System.setProperty(key, "set by a rule");
        return true;
    }
}
