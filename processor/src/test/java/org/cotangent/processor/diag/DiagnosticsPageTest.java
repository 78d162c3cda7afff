package org.cotangent.processor.diag;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference page {@code docs/diagnostics.md} is the catalogue's output, byte for byte; run with
 * {@code -Dcotangent.docs.update=true} to write it after a deliberate change of a message.
 */
class DiagnosticsPageTest {
    private static final Path PAGE = Path.of("..", "docs", "diagnostics.md");

    @Test
    void pageInTheRepositoryIsTheCataloguesOutput() throws IOException {
        String expected = DiagnosticsPage.markdown();
        if (Boolean.getBoolean("cotangent.docs.update")) {
            Files.createDirectories(PAGE.getParent());
            Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(PAGE), "docs/diagnostics.md is missing: run with -Dcotangent.docs.update=true");
        assertEquals(expected, Files.readString(PAGE, StandardCharsets.UTF_8),
                "docs/diagnostics.md is out of date: run with -Dcotangent.docs.update=true and review the diff");
    }

    @Test
    void everyIdHasAMessageAndAppearsOnThePage() {
        Set<Problem> withMessages = EnumSet.noneOf(Problem.class);
        for (Message m : Message.values()) {
            withMessages.add(m.problem());
        }
        assertEquals(EnumSet.allOf(Problem.class), withMessages, "an id without any message");
        String page = DiagnosticsPage.markdown();
        for (Problem p : Problem.values()) {
            assertTrue(page.contains("## " + p.id() + "\n"), p.id() + " has no section");
        }
    }

    @Test
    void idsAreUniqueAndStable() {
        Set<String> ids = new java.util.HashSet<>();
        for (Problem p : Problem.values()) {
            assertTrue(p.id().matches("COT\\d{3}"), p.id());
            assertTrue(ids.add(p.id()), "duplicate id " + p.id());
        }
    }

    @Test
    void partsAreFilledInOrderAndRepeatedPartsTakeOneValue() {
        assertEquals(java.util.List.of("method"), Message.NO_DERIVATIVE.parts());
        String text = Message.NO_DERIVATIVE.text("helper");
        assertEquals("no derivative for the call of 'helper', which gets an argument that depends on a "
                + "differentiated parameter: mark 'helper' @Differentiable, or write its derivative with "
                + "@CustomVjp(of = \"helper\")", text);
        assertEquals("[COT006] wrt names 'z', which is not a parameter of 'f': use one of [x, y]",
                Message.WRT_NOT_A_PARAMETER.format("z", "f", "[x, y]"));
        assertThrows(IllegalArgumentException.class, () -> Message.NO_DERIVATIVE.text());
        assertThrows(IllegalArgumentException.class, () -> Message.TRY.text("extra"));
    }

    @Test
    void everyMessageGivesAdvice() {
        for (Message m : Message.values()) {
            String t = m.template().toLowerCase();
            assertFalse(t.isBlank(), m.name());
            assertTrue(t.contains(":") || t.contains(";"), m.name() + " should say what to do after ':' or ';'");
        }
    }
}
