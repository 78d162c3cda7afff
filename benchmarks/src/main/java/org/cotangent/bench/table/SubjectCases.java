package org.cotangent.bench.table;

/** Registers every subject's cases with the {@link Catalog}, in table order. */
final class SubjectCases {
    private SubjectCases() {
    }

    static void register() {
        RosenbrockCases.register();
        MlpCases.register();
        LotkaVolterraCases.register();
        GmmCases.register();
        LstmCases.register();
        BaCases.register();
        LogisticCases.register();
    }
}
