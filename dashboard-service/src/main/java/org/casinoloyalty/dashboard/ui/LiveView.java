package org.casinoloyalty.dashboard.ui;

import org.casinoloyalty.dashboard.live.DashboardSnapshot;

/** A tab that shows the shared snapshot; the layout calls it on the UI thread after every refresh. */
public interface LiveView {

	void show(DashboardSnapshot snapshot);

}
