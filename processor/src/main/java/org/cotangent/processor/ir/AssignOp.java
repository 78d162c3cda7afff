package org.cotangent.processor.ir;

import java.util.Optional;

/** Assignment operators; a compound one is {@code target = target op value}. */
public enum AssignOp {
    SET("=", null), ADD("+=", BinaryOp.ADD), SUB("-=", BinaryOp.SUB), MUL("*=", BinaryOp.MUL),
    DIV("/=", BinaryOp.DIV), REM("%=", BinaryOp.REM);

    private final String symbol;
    private final BinaryOp binary;

    AssignOp(String symbol, BinaryOp binary) {
        this.symbol = symbol;
        this.binary = binary;
    }

    public String symbol() {
        return symbol;
    }

    /** The binary operator a compound assignment applies; empty for {@code =}. */
    public Optional<BinaryOp> binary() {
        return Optional.ofNullable(binary);
    }
}
