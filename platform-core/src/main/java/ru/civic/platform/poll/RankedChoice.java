package ru.civic.platform.poll;

import java.util.UUID;

/** One line of a ranked ballot: this project at this place (1 is the voter's favourite). */
public record RankedChoice(UUID optionId, int rank) {
}
