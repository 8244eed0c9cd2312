package org.ceerules.drools.facts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.ceerules.api.Certainty;
import org.ceerules.api.Citation;

/**
 * What a fact or a route rests on: the public sources it cites, how sure it is (the weakest of
 * what it rests on) and its authority text, rendered once from the citations. A rule has one, as
 * has each reference-data row; a route's is its rule's joined with those of the rows and of the
 * jurisdiction it follows from ({@link #and(Basis)}). Internal.
 *
 * <p>Immutable and thread-safe. Joins are kept, so that after the first decision of each kind a
 * decision makes no new basis: the rows and rules are few and fixed when the rule set loads.
 */
public final class Basis {

    private final List<Citation> citations;
    private final Certainty certainty;
    private final String authority;
    private final Function<List<Citation>, String> renderer;
    private final ConcurrentHashMap<Basis, Basis> joined = new ConcurrentHashMap<>();

    private Basis(List<Citation> citations, Certainty certainty, Function<List<Citation>, String> renderer) {
        this.citations = List.copyOf(citations);
        this.certainty = Objects.requireNonNull(certainty, "certainty");
        this.renderer = renderer;
        this.authority = renderer.apply(this.citations);
    }

    /**
     * @param citations the sources cited, in order
     * @param certainty how sure the fact is
     * @param renderer  renders citations as an authority text (the bibliography's)
     * @return the basis
     */
    public static Basis of(List<Citation> citations, Certainty certainty, Function<List<Citation>, String> renderer) {
        return new Basis(citations, certainty, renderer);
    }

    /** @return the sources cited, in order, each once */
    public List<Citation> citations() {
        return citations;
    }

    /** @return how sure the fact is */
    public Certainty certainty() {
        return certainty;
    }

    /** @return the citations in words, such as {@code CBP Trade Process Document v1.3 (2013), Quota; 19 CFR 132.12} */
    public String authority() {
        return authority;
    }

    /**
     * @param other what else the fact rests on; null for nothing
     * @return this basis's citations then the other's not already cited, as sure as the weaker
     */
    public Basis and(Basis other) {
        if (other == null || other == this) {
            return this;
        }
        return joined.computeIfAbsent(other, o -> {
            LinkedHashSet<Citation> all = new LinkedHashSet<>(citations);
            all.addAll(o.citations);
            if (all.size() == citations.size() && certainty.weakest(o.certainty) == certainty) {
                return this;
            }
            return new Basis(new ArrayList<>(all), certainty.weakest(o.certainty), renderer);
        });
    }

    @Override
    public String toString() {
        return certainty.label() + ": " + authority;
    }
}
