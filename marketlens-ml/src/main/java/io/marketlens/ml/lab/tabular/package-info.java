/**
 * The model lab's {@code tabular} task: MLPs over table columns on DJL / PyTorch ({@link
 * io.marketlens.ml.lab.tabular.TabularMlp}), trained and saved by {@link
 * io.marketlens.ml.lab.tabular.TabularTraining}, evaluated and run by {@link
 * io.marketlens.ml.lab.tabular.TabularFamily}, and offered to the churn analysis as the {@code mlp}
 * candidate ({@link io.marketlens.ml.lab.tabular.MlpClassifier}).
 */
package io.marketlens.ml.lab.tabular;
