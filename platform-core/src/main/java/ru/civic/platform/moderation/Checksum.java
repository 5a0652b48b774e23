package ru.civic.platform.moderation;

/**
 * The control digits of Russian identifiers and bank cards. A number is flagged as a SNILS, an INN or a card only when
 * its control digits agree, so that order numbers, meter readings and cadastral fragments are not taken for them.
 * Each check takes the digits alone, separators already removed.
 */
enum Checksum {

    /**
     * СНИЛС, 11 digits: the sum of the first nine digits weighted 9 down to 1; below 100 it is the check number itself,
     * 100 and 101 give 00, above that it is taken mod 101 (and a remainder of 100 again gives 00).
     */
    SNILS {
        @Override
        boolean accepts(String digits) {
            if (digits.length() != 11) {
                return false;
            }
            // Numbers up to 001-001-998 carry no checksum, so any 11 digits starting that way would pass: they tell
            // a SNILS from nothing else, and such old numbers are not worth the false flags.
            if (Integer.parseInt(digits.substring(0, 9)) <= 1_001_998) {
                return false;
            }
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += digit(digits, i) * (9 - i);
            }
            int check = sum < 100 ? sum : sum <= 101 ? 0 : sum % 101;
            if (check == 100) {
                check = 0;
            }
            return check == Integer.parseInt(digits.substring(9));
        }
    },

    /** ИНН: 10 digits (an organisation, one control digit) or 12 digits (a person, two control digits). */
    INN {
        private static final int[] TEN = {2, 4, 10, 3, 5, 9, 4, 6, 8};
        private static final int[] ELEVENTH = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
        private static final int[] TWELFTH = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

        @Override
        boolean accepts(String digits) {
            // The first two digits are the region of the tax office; "00" is none, and would let 0000000000 pass.
            if (digits.startsWith("00")) {
                return false;
            }
            return switch (digits.length()) {
                case 10 -> control(digits, TEN) == digit(digits, 9);
                case 12 -> control(digits, ELEVENTH) == digit(digits, 10)
                        && control(digits, TWELFTH) == digit(digits, 11);
                default -> false;
            };
        }

        private static int control(String digits, int[] weights) {
            int sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += digit(digits, i) * weights[i];
            }
            return sum % 11 % 10;
        }
    },

    /** Bank cards: the Luhn check, from the right, every second digit doubled. */
    LUHN {
        @Override
        boolean accepts(String digits) {
            if (digits.isEmpty()) {
                return false;
            }
            int sum = 0;
            for (int i = 0; i < digits.length(); i++) {
                int d = digit(digits, digits.length() - 1 - i);
                if (i % 2 == 1) {
                    d *= 2;
                    if (d > 9) {
                        d -= 9;
                    }
                }
                sum += d;
            }
            return sum % 10 == 0;
        }
    };

    abstract boolean accepts(String digits);

    private static int digit(String digits, int index) {
        return digits.charAt(index) - '0';
    }
}
