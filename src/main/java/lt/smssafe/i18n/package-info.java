/**
 * The languages of replies and pages ({@code language} key: en, lt, ru) and how time left is written in each
 * (docs/protocol.md §3's {@code {left}}). Both the reply SMS ({@code sms}) and the pages ({@code web}) use it; the texts
 * themselves stay with their users (the reply bundles in {@code sms}, the page bundles in {@code web}).
 */
package lt.smssafe.i18n;
