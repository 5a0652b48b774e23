/**
 * Moderator aids: {@link ru.civic.platform.moderation.ContentScreen} points at obscene language and personal data in
 * citizens' messages. It only flags: whether a message is published, edited or refused stays a moderator's decision,
 * because both the obscenity word list and the number checksums can be wrong in either direction.
 */
package ru.civic.platform.moderation;
