package org.cotangent.processor.diag;

import java.util.List;

/**
 * A problem an analysis found, not yet placed in the source: the message with its parts, and the
 * IR node (a call, a statement, a parameter's variable) or declaration it is about. The front end,
 * which knows which tree each IR node came from, reports it there.
 */
public record Finding(Message message, List<Object> args, Object at) {
    public Finding {
        args = List.copyOf(args);
    }

    public static Finding of(Message message, Object at, Object... args) {
        return new Finding(message, List.of(args), at);
    }

    /** The text as the user sees it. */
    public String format() {
        return message.format(args.toArray());
    }
}
