package et.coffeeexport.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

  @ParameterizedTest
  @ValueSource(strings = {"EXP-2026-0001", "a", "ecta.licence_42"})
  void acceptsSafeIdentifiers(String id) {
    assertThat(Identifiers.isValid(id)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"-leading-dash", "has space", "semi;colon", "\u0000nul", "é"})
  void refusesUnsafeIdentifiers(String id) {
    assertThat(Identifiers.isValid(id)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void refusesIdentifiersLongerThan64Characters() {
    assertThat(Identifiers.isValid("x".repeat(64))).isTrue();
    assertThat(Identifiers.isValid("x".repeat(65))).isFalse();
  }
}
