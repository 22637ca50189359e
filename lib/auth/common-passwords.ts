/**
 * Passwords of at least 10 characters that appear near the top of public breach lists. Small on
 * purpose: it ships to the browser with the sign-up schema so both sides reject the same ones.
 */
const COMMON_PASSWORDS = new Set([
  "1234567890", "12345678910", "123456789a", "0123456789", "0987654321", "1111111111", "1234512345",
  "1q2w3e4r5t", "1qaz2wsx3edc", "qwertyuiop", "qwerty12345", "qwerty123456", "asdfghjkl1", "zxcvbnm123",
  "password12", "password123", "password1234", "passw0rd123", "p@ssw0rd123", "iloveyou12", "iloveyou123",
  "letmein123", "welcome123", "welcome1234", "admin12345", "administrator", "changeme123", "trustno123",
  "football123", "baseball123", "superman123", "princess123", "sunshine123", "starwars123", "dragon1234",
  "monkey12345", "michael123", "jennifer123", "computer123", "internet123", "whatever123", "qwertyqwerty",
  "abcdefghij", "abcd123456", "abc1234567", "aaaaaaaaaa", "a123456789", "1234567890a", "q1w2e3r4t5",
  "password!1", "password!!", "passwordpassword", "mypassword", "mypassword1", "secret1234", "test123456",
  "testtest12", "default123", "login12345", "master1234", "shadow1234", "killer1234", "hello12345",
  "summer2024", "summer2025", "summer2026", "winter2025", "winter2026", "spring2026", "autumn2026",
  "kafkakafka", "kafka12345",
]);

/** True when `password` (compared case-insensitively) is on the common-password list. */
export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}
