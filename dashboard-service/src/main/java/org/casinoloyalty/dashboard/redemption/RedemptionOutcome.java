package org.casinoloyalty.dashboard.redemption;

/** What happened to one click on "Mark as redeemed"; every outcome carries a message for the host. */
public sealed interface RedemptionOutcome {

	String message();

	/** This click's insert is the row in {@code redeemed_offers}. */
	record Won(Redemption redemption) implements RedemptionOutcome {

		@Override
		public String message() {
			return redemption.memberName() + " (" + redemption.memberId() + "): "
					+ redemption.offerType().names().rewardType() + " marked as redeemed by " + redemption.redeemedBy();
		}

	}

	/** Another click (this or another dashboard) redeemed this member's offer of this type today first. */
	record AlreadyRedeemed(Redemption existing) implements RedemptionOutcome {

		@Override
		public String message() {
			return existing.memberName() + " (" + existing.memberId() + ") already redeemed a "
					+ existing.offerType().names().rewardType() + " today (" + existing.redemptionDate() + ", by "
					+ existing.redeemedBy() + " at " + existing.redeemedAt().toLocalTime().withNano(0)
					+ " UTC): one per customer per day";
		}

	}

	/** Nothing was decided: bad input, or the database could not be reached. Nothing is recorded silently. */
	record Failed(String message) implements RedemptionOutcome {
	}

}
