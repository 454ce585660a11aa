/**
 * Small helpers on strings that several packages share. Depends on nothing else in faqbot, so any
 * package may use it.
 */
package faqbot.text;
