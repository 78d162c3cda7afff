package org.cotangent.processor.transform.reverse;

import java.util.Locale;

/**
 * When reverse mode checkpoints a loop ({@link CheckpointedLoops}) and when it keeps a replayed
 * loop's iterations instead of replaying them ({@link KeptIterations}): by the cost model (the
 * default); {@code ALWAYS} recomputes wherever it can (every loop that can be checkpointed is, no
 * iteration is kept); {@code NEVER} stores (no loop is checkpointed, iterations are kept wherever
 * keeping is right). The processor option
 * {@code -Acotangent.checkpoint=auto|always|never} picks it; {@code always} and {@code never}
 * exist to test both strategies on the same programs.
 */
public enum Checkpointing {
    AUTO, ALWAYS, NEVER;

    /** The mode an option value names (any case); null or empty is {@link #AUTO}. */
    public static Checkpointing of(String option) {
        if (option == null || option.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(option.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cotangent.checkpoint must be auto, always or never, not '"
                    + option + "': write e.g. -Acotangent.checkpoint=auto", e);
        }
    }
}
