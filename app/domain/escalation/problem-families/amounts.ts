// Counts and stretches of time as the problem families read them ("3 hrs", "two days", "an hour", "45min").
import { oneOf } from "../lexicon";

export const NUMBER = oneOf("\\d+", "an?", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "several", "many", "few");
export const SPAN = oneOf("mins?", "minutes?", "hrs?", "hours?", "days?", "weeks?", "months?");
export const AMOUNT_OF_TIME = `(?:${NUMBER} ?(?:\\+ )?${SPAN}|\\d+ ?(?:hrs?|mins?|h))`;
