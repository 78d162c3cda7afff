package org.cotangent.processor.transform.reverse;

import java.util.Locale;

/**
 * When reverse mode checkpoints a loop ({@link CheckpointedLoops}): by the cost model (the
 * default), for every loop that can be, or never. The processor option
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
