package org.casinoloyalty.dashboard.ui;

import org.casinoloyalty.dashboard.live.LiveSnapshot;

/** A tab that shows the shared snapshot; the layout calls it on the UI thread after every refresh. */
public interface LiveView {

	void show(LiveSnapshot snapshot);

}
