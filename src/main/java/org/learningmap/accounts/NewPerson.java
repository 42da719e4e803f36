package org.learningmap.accounts;

/**
 * A person as staff create them at a desk: a name, a year of birth, the language to speak to them
 * in and, if they have one, a phone number (in any usual form; stored in E.164).
 */
public record NewPerson(String displayName, int yearOfBirth, String language, String phone) {
}
